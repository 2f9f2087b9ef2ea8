"""``specdiff comment --post``: one sticky comment, through the real CLI, against a fake GitHub API on 127.0.0.1."""

from __future__ import annotations

import json
import re
from itertools import count

import pytest
from fake_servers import FakeServer, Reply

from specdiff.errors import SpecdiffError
from specdiff.github import PullRequest, pull_request_from
from specdiff.render.markdown import MARKER

TOKEN = "ghs_test-0123456789-do-not-print"
BOT = "github-actions[bot]"
COMMENTS = "/repos/owner/repo/issues/7/comments"

V1 = "# Rules {#rules}\n\nThe assistant should answer in English.\n"
V2 = "# Rules {#rules}\n\nThe assistant must answer in English.\n"


class Api:
    """A scripted GitHub: the issue's comments in pages, and replies to send before behaving."""

    def __init__(self, *pages: list[dict], first: tuple[Reply, ...] = ()) -> None:
        self.pages = [list(p) for p in pages] or [[]]
        self.first = list(first)
        self.url = ""
        self.ids = count(1000)

    def __call__(self, request) -> Reply:
        if self.first:
            return self.first.pop(0)
        path, _, query = request.path.partition("?")
        if path == "/user":  # as for the Actions token, which may not ask who it is
            return Reply(403, {"message": "Resource not accessible by integration"})
        if request.method == "GET" and re.fullmatch(r"/repos/[^/]+/[^/]+/issues/\d+/comments", path):
            page = int(dict(p.split("=") for p in query.split("&") if p).get("page", 1))
            more = page < len(self.pages)
            link = {"Link": f'<{self.url}{path}?per_page=100&page={page + 1}>; rel="next"'} if more else {}
            return Reply(200, self.pages[page - 1], link)
        if request.method == "POST":
            comment = {"id": next(self.ids), "body": request.body["body"], "user": {"login": BOT}}
            self.pages[-1].append(comment)
            return Reply(201, comment)
        if request.method == "PATCH":
            return Reply(200, {"id": int(path.rsplit("/", 1)[1]), "body": request.body["body"]})
        return Reply(404, {"message": "Not Found"})


@pytest.fixture
def changed_repo(spec_repo):
    spec_repo.commit("first", {"spec.md": V1})
    spec_repo.commit("second", {"spec.md": V2})
    return spec_repo


@pytest.fixture
def unchanged_repo(spec_repo):
    spec_repo.commit("first", {"spec.md": V1})
    spec_repo.commit("code only", {"main.py": "print('hi')\n"})
    return spec_repo


@pytest.fixture
def actions_env(monkeypatch, tmp_path):
    """The GitHub Actions environment of a pull_request run on owner/repo#7."""
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7}}), encoding="utf-8")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", "owner/repo")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setattr("specdiff.github.BACKOFF_SECONDS", 0.01)  # keep retries fast
    return monkeypatch


@pytest.fixture
def github(actions_env):
    """Start a fake GitHub answering with ``Api``; ``GITHUB_API_URL`` points at it."""
    servers = []

    def start(api: Api) -> FakeServer:
        server = FakeServer(api).__enter__()
        servers.append(server)
        api.url = server.url
        actions_env.setenv("GITHUB_API_URL", server.url)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


def post(specdiff, repo, *extra):
    result = specdiff("comment", "-C", repo.path, "HEAD~1", "HEAD", "--post", *extra)
    assert TOKEN not in result.out and TOKEN not in result.err, "the token is never printed"
    return result


def calls(server) -> list[tuple[str, str]]:
    return [(r.method, r.path.split("?")[0]) for r in server.requests]


def expected_body(specdiff, repo) -> str:
    return specdiff("comment", "-C", repo.path, "HEAD~1", "HEAD").out


def test_without_a_comment_one_is_created(changed_repo, specdiff, github):
    server = github(Api())
    result = post(specdiff, changed_repo)
    assert result.code == 0, result.err
    assert result.out == "" and result.err == "specdiff: comment created on owner/repo#7\n"
    assert calls(server) == [("GET", COMMENTS), ("POST", COMMENTS)]
    body = server.requests[-1].body["body"]
    assert body.startswith(MARKER + "\n") and body == expected_body(specdiff, changed_repo)
    for request in server.requests:
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        assert request.headers["accept"] == "application/vnd.github+json"


def test_an_existing_comment_on_a_later_page_is_updated_in_place(changed_repo, specdiff, github):
    others = [{"id": n, "body": f"looks good {n}"} for n in range(3)]
    server = github(Api(others, [{"id": 42, "body": f"{MARKER}\n\nan older comment", "user": {"login": BOT}}]))
    result = post(specdiff, changed_repo)
    assert result.code == 0 and "comment updated on owner/repo#7" in result.err
    assert calls(server) == [
        ("GET", COMMENTS),
        ("GET", COMMENTS),
        ("GET", "/user"),
        ("PATCH", "/repos/owner/repo/issues/comments/42"),
    ]
    assert "page=2" in server.requests[1].path, "follows the Link header"
    assert server.requests[-1].body == {"body": expected_body(specdiff, changed_repo)}


def test_the_same_body_is_not_sent_again(changed_repo, specdiff, github):
    body = expected_body(specdiff, changed_repo)
    server = github(Api([{"id": 42, "body": body, "user": {"login": BOT}}]))
    result = post(specdiff, changed_repo)
    assert result.code == 0 and "comment unchanged" in result.err
    assert calls(server) == [("GET", COMMENTS), ("GET", "/user")]


def test_a_server_error_is_retried(changed_repo, specdiff, github):
    server = github(Api(first=(Reply(502, {"message": "Bad Gateway"}),)))
    result = post(specdiff, changed_repo)
    assert result.code == 0, result.err
    assert calls(server) == [("GET", COMMENTS), ("GET", COMMENTS), ("POST", COMMENTS)]


@pytest.mark.parametrize(
    "limited",
    [
        Reply(429, {"message": "slow down"}, {"Retry-After": "0"}),
        Reply(403, {"message": "API rate limit exceeded"}, {"x-ratelimit-remaining": "0", "retry-after": "0"}),
    ],
    ids=["429", "403-no-requests-left"],
)
def test_a_rate_limit_is_retried(changed_repo, specdiff, github, limited):
    server = github(Api(first=(limited,)))
    result = post(specdiff, changed_repo)
    assert result.code == 0, result.err
    assert calls(server) == [("GET", COMMENTS), ("GET", COMMENTS), ("POST", COMMENTS)]


def test_a_rate_limit_resetting_after_more_than_a_minute_fails_at_once(changed_repo, specdiff, github):
    server = github(Api(first=(Reply(429, {"message": "slow down"}, {"Retry-After": "3600"}),)))
    result = post(specdiff, changed_repo)
    assert result.code == 2 and result.err.count("\n") == 1 and "GitHub answered 429" in result.err
    assert len(server.requests) == 1


def test_a_server_that_keeps_failing_is_one_line(changed_repo, specdiff, github):
    server = github(Api(first=tuple(Reply(503, {"message": "down"}) for _ in range(10))))
    result = post(specdiff, changed_repo)
    assert result.code == 2 and result.err.count("\n") == 1
    assert "GitHub answered 503 to GET" in result.err
    assert len(server.requests) == 4, "one try and three retries"


def test_a_refused_request_is_one_line_without_the_token(changed_repo, specdiff, github):
    echo = {"message": f"Resource not accessible by integration (token {TOKEN})"}
    server = github(Api([], first=(Reply(200, []), Reply(403, echo))))
    result = post(specdiff, changed_repo)  # asserts the token, echoed by the server, is not printed
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith("specdiff: error: GitHub answered 403 to POST")
    assert "Resource not accessible by integration" in result.err and "GITHUB_TOKEN" in result.err
    assert calls(server) == [("GET", COMMENTS), ("POST", COMMENTS)], "a refusal is not retried"


def test_no_spec_changes_corrects_an_existing_comment(unchanged_repo, specdiff, github):
    server = github(Api([{"id": 42, "body": f"{MARKER}\n\nan older comment", "user": {"login": BOT}}]))
    result = post(specdiff, unchanged_repo)
    assert result.code == 0 and "comment updated" in result.err
    assert calls(server) == [("GET", COMMENTS), ("GET", "/user"), ("PATCH", "/repos/owner/repo/issues/comments/42")]
    body = server.requests[-1].body["body"]
    assert body.startswith(MARKER + "\n") and "### Spec changes: none" in body


def test_no_spec_changes_and_no_comment_posts_nothing(unchanged_repo, specdiff, github):
    server = github(Api([{"id": 1, "body": "unrelated"}]))
    result = post(specdiff, unchanged_repo)
    assert result.code == 0 and "comment skipped" in result.err
    assert calls(server) == [("GET", COMMENTS)]


def test_flags_override_the_environment(changed_repo, specdiff, github, actions_env):
    actions_env.setenv("GITHUB_REPOSITORY", "someone/else")
    server = github(Api())
    result = post(specdiff, changed_repo, "--repo", "owner/repo", "--pr", "9")
    assert result.code == 0 and "comment created on owner/repo#9" in result.err
    assert calls(server) == [("GET", "/repos/owner/repo/issues/9/comments"), ("POST", "/repos/owner/repo/issues/9/comments")]


def test_without_a_token_nothing_is_sent(changed_repo, specdiff, github, actions_env):
    actions_env.delenv("GITHUB_TOKEN")
    server = github(Api())
    result = post(specdiff, changed_repo)
    assert result.code == 2 and result.err.count("\n") == 1 and "GITHUB_TOKEN is not set" in result.err
    assert server.requests == []


# Where the pull request comes from.


def event_file(tmp_path, content: str) -> dict[str, str]:
    path = tmp_path / "event.json"
    path.write_text(content, encoding="utf-8")
    return {"GITHUB_REPOSITORY": "owner/repo", "GITHUB_EVENT_PATH": str(path)}


def test_an_issue_comment_event_names_the_pull_request(tmp_path):
    env = event_file(tmp_path, json.dumps({"issue": {"number": 12}}))
    assert pull_request_from(None, None, env) == PullRequest("owner/repo", 12, "https://api.github.com")


def test_the_api_url_comes_from_the_environment(tmp_path):
    env = {**event_file(tmp_path, '{"pull_request": {"number": 3}}'), "GITHUB_API_URL": "https://ghe.example/api/v3/"}
    assert pull_request_from(None, None, env).api_url == "https://ghe.example/api/v3"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no pull request to comment on"),
        ("{not json", "cannot read the GitHub event file"),
        (json.dumps({"push": {"ref": "main"}}), "is not about a pull request"),
        (json.dumps({"pull_request": {"number": "7"}}), "is not about a pull request"),
        (json.dumps([1, 2]), "is not about a pull request"),
    ],
    ids=["no-event", "invalid-json", "not-a-pull-request", "number-not-int", "not-an-object"],
)
def test_a_missing_or_unusable_event_is_an_error(tmp_path, content, message):
    env = event_file(tmp_path, content) if content is not None else {"GITHUB_REPOSITORY": "owner/repo"}
    with pytest.raises(SpecdiffError, match=message):
        pull_request_from(None, None, env)


def test_an_event_file_that_does_not_exist_is_an_error(tmp_path):
    env = {"GITHUB_REPOSITORY": "owner/repo", "GITHUB_EVENT_PATH": str(tmp_path / "missing.json")}
    with pytest.raises(SpecdiffError, match="cannot read the GitHub event file"):
        pull_request_from(None, None, env)


@pytest.mark.parametrize("repository", ["owner", "owner/repo/extra", "", None])
def test_a_bad_repository_is_an_error(repository):
    with pytest.raises(SpecdiffError, match="no repository to comment on"):
        pull_request_from(repository, 1, {})


@pytest.mark.parametrize("repository", ["owner/", "/repo", "/"])
def test_a_repository_with_an_empty_owner_or_name_is_an_error(repository):
    with pytest.raises(SpecdiffError, match="no repository to comment on"):
        pull_request_from(repository, 1, {})
