"""Post the pull-request comment: one sticky comment, created once and updated after.

The comment carries ``render.markdown.MARKER``; posting looks for a comment with
it, written by the identity behind the token, and edits that one, so a pull
request never gets a second specdiff comment. Talks to GitHub's REST API with
the standard library:

- the token comes from ``GITHUB_TOKEN``, is sent only to the API's own host
  (no redirects are followed, and a ``Link`` to another host is refused), and
  appears in no message;
- the repository and pull request come from flags, or from the Actions
  environment (``GITHUB_REPOSITORY``, and the event in ``GITHUB_EVENT_PATH``);
- ``GITHUB_API_URL`` is respected, for GitHub Enterprise Server (http or https only);
- server errors (5xx) and rate limits (429, or 403 with no requests left) are
  retried with backoff, honouring ``Retry-After``;
- every request has a total deadline and a size cap, so a server that drips
  bytes or sends a huge body cannot hang or exhaust a CI job.
"""

from __future__ import annotations

import http.client
import json
import math
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from specdiff import __version__
from specdiff.errors import SpecdiffError

DEFAULT_API_URL = "https://api.github.com"
ATTEMPTS = 4
"""Tries per request: one, and three retries after a server error or rate limit."""
BACKOFF_SECONDS = 0.5
"""First wait before a retry when the server does not say how long; doubled each time."""
MAX_WAIT_SECONDS = 60.0
"""Longest wait for a rate limit to reset; longer than that fails instead of hanging a CI job."""
TIMEOUT_SECONDS = 30.0
"""Total time for one request, from connecting to the last byte of the answer (not per read:
a server sending one byte every 29 seconds would otherwise never time out)."""
MAX_RESPONSE_BYTES = 32_000_000
"""Largest answer read: a page of 100 comments of GitHub's 65,536 characters each is at most 26 MB."""
MAX_PAGES = 1000
"""Pages of comments followed at most (100,000 comments); a longer walk is a ``Link`` loop."""
ACTIONS_BOT = "github-actions[bot]"
"""Who writes comments for the Actions ``GITHUB_TOKEN``, which may not ask ``GET /user``."""


@dataclass(frozen=True)
class PullRequest:
    repository: str
    """``owner/name``"""
    number: int
    api_url: str = DEFAULT_API_URL


def pull_request_from(repository: str | None, number: int | None, environment: dict[str, str] | None = None) -> PullRequest:
    """The pull request to comment on: from the flags, else from the GitHub Actions environment."""
    env = os.environ if environment is None else environment
    repository = repository or env.get("GITHUB_REPOSITORY")
    if not repository or not re.fullmatch(r"[\w.-]+/[\w.-]+", repository):
        raise SpecdiffError("no repository to comment on: pass --repo OWNER/NAME or set GITHUB_REPOSITORY")
    if number is None:
        number = _number_from_event(env.get("GITHUB_EVENT_PATH"))
    api_url = (env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
    parts = urlsplit(api_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SpecdiffError("GITHUB_API_URL must be an http or https address such as https://api.github.com")
    return PullRequest(repository, number, api_url)


def _number_from_event(path: str | None) -> int:
    if not path:
        raise SpecdiffError("no pull request to comment on: pass --pr NUMBER, or run in a pull_request workflow")
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else error
        raise SpecdiffError(f"cannot read the GitHub event file {path}: {reason}") from None
    for key in ("pull_request", "issue"):
        about = event.get(key) if isinstance(event, dict) else None
        number = about.get("number") if isinstance(about, dict) else None
        if isinstance(number, int) and not isinstance(number, bool) and number > 0:
            return number
    raise SpecdiffError(f"the GitHub event in {path} is not about a pull request; pass --pr NUMBER")


def checked_token(token: str) -> str:
    """The token without surrounding white space; one that cannot be a token is refused unprinted.

    >>> checked_token("ghs_abc\\n")
    'ghs_abc'
    """
    token = token.strip()
    if not token:
        raise SpecdiffError("GITHUB_TOKEN is not set; the workflow needs `pull-requests: write` and the token")
    if not all(33 <= ord(c) < 127 for c in token):
        raise SpecdiffError("GITHUB_TOKEN holds a space or a character a token cannot have; check how it is set")
    return token


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


class GitHub:
    """A small REST client for the few calls the bot makes."""

    def __init__(self, api_url: str, token: str) -> None:
        self.api_url = api_url
        self._token = checked_token(token)
        self._origin = _origin(api_url)

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """Send one request, retrying server errors and rate limits; return the decoded JSON."""
        return self._send(method, path, body)[0]

    def pages(self, path: str) -> Iterator[Any]:
        """Every item of a listing, following its ``Link: rel="next"`` pages on the API's host only."""
        page: str | None = path
        seen: set[str] = set()
        while page:
            if page in seen or len(seen) >= MAX_PAGES:
                raise SpecdiffError(f"GitHub's pages of {path} lead in a loop (or past {MAX_PAGES} pages); stopped")
            seen.add(page)
            items, page = self._send("GET", page, None)
            if not isinstance(items, list):
                raise SpecdiffError(f"GitHub answered GET {path} with something other than a list")
            yield from items

    def identity(self) -> str:
        """The login behind the token: ``GET /user``, or the Actions bot when the token may not ask."""
        try:
            user = self.request("GET", "/user")
        except SpecdiffError:
            return ACTIONS_BOT
        login = user.get("login") if isinstance(user, dict) else None
        return login if isinstance(login, str) and login else ACTIONS_BOT

    def _send(self, method: str, path: str, body: dict[str, Any] | None) -> tuple[Any, str | None]:
        url = path if path.startswith(("http://", "https://")) else f"{self.api_url}{path}"
        if _origin(url) != self._origin:
            raise SpecdiffError(
                f"GitHub pointed {method} at another host ({_origin(url)}); the token is only sent to {self._origin}"
            )
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(ATTEMPTS):
            try:
                answer = _exchange(method, url, data, self._headers(data is not None))
            except (OSError, http.client.HTTPException) as error:
                # A server that used the whole deadline once gets no second one (the job would hang for
                # minutes), and one that answers garbage (a bad status line, a cut body) would again; a
                # dropped connection (RemoteDisconnected, a ConnectionError too) is worth another try.
                garbage = isinstance(error, http.client.HTTPException) and not isinstance(error, ConnectionError)
                if attempt == ATTEMPTS - 1 or isinstance(error, TimeoutError) or garbage:
                    raise SpecdiffError(self._redacted(f"cannot reach GitHub at {self.api_url}: {_reason(error)}")) from None
                time.sleep(BACKOFF_SECONDS * 2**attempt)
                continue
            if 200 <= answer.status < 300:
                return _json(answer.body, method, path), _next_link(answer.headers.get("Link"))
            if 300 <= answer.status < 400:
                raise SpecdiffError(
                    f"GitHub answered {answer.status} (a redirect) to {method} {path}; "
                    "specdiff follows no redirects, so the token stays with the API host (check GITHUB_API_URL)"
                )
            wait = _retry_wait(answer.status, answer.headers, attempt)
            if wait is None or attempt == ATTEMPTS - 1:
                raise SpecdiffError(self._failure(method, path, answer))
            time.sleep(wait)
        raise AssertionError("unreachable")

    def _headers(self, has_body: bool) -> dict[str, str]:
        headers = {
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {self._token}",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": f"specdiff/{__version__}",
        }
        if has_body:
            headers["Content-Type"] = "application/json"
        return headers

    def _failure(self, method: str, path: str, answer: _Answer) -> str:
        try:
            data = json.loads(answer.body or b"{}")
            message = data.get("message", "") if isinstance(data, dict) else ""
        except (ValueError, RecursionError):
            message = ""
        message = " ".join(str(message).split())[:300]
        text = f"GitHub answered {answer.status} to {method} {path}" + (f": {message}" if message else "")
        if answer.status in (401, 403, 404):
            text += " (check that GITHUB_TOKEN may write pull-request comments on this repository)"
        return self._redacted(text)

    def _redacted(self, text: str) -> str:
        return text.replace(self._token, "***")


def post_comment(pull_request: PullRequest, token: str, body: str, marker: str, *, only_update: bool = False) -> str:
    """Create or update the comment that starts with ``marker``; return what happened.

    ``created``, ``updated``, ``unchanged`` (same body already there) or
    ``skipped`` (``only_update`` and no comment yet). Only a marker comment
    written by the identity behind the token is updated: anyone can post a
    comment starting with the marker, and editing theirs would fail (403) or,
    with a broad token, rewrite a stranger's words.
    """
    github = GitHub(pull_request.api_url, token)
    owner_repo, number = pull_request.repository, pull_request.number
    comments = github.pages(f"/repos/{owner_repo}/issues/{number}/comments?per_page=100")
    marked = [c for c in comments if isinstance(c, dict) and str(c.get("body", "")).startswith(marker)]
    me = github.identity() if marked else None
    existing = next((c for c in marked if _author(c) == me and isinstance(c.get("id"), int)), None)
    if existing is not None:
        if existing.get("body") == body:
            return "unchanged"
        github.request("PATCH", f"/repos/{owner_repo}/issues/comments/{existing['id']}", {"body": body})
        return "updated"
    if only_update:
        return "skipped"
    github.request("POST", f"/repos/{owner_repo}/issues/{number}/comments", {"body": body})
    return "created"


def _author(comment: dict[str, Any]) -> str | None:
    user = comment.get("user")
    login = user.get("login") if isinstance(user, dict) else None
    return login if isinstance(login, str) else None


def _origin(url: str) -> str:
    """``scheme://host:port`` of an address, the unit the token is bound to."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:  # a port that is not a number
        return "an invalid address"
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


def _exchange(method: str, url: str, data: bytes | None, headers: dict[str, str]) -> _Answer:
    """One HTTP exchange within :data:`TIMEOUT_SECONDS` in total, the answer cut at :data:`MAX_RESPONSE_BYTES`.

    A timer shuts the socket when the deadline passes, so a server that drips
    its headers or body still ends in a timeout error, not a hung job.
    """
    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname or "", parts.port, timeout=TIMEOUT_SECONDS)
    expired = threading.Event()
    sockets: list[socket.socket] = []  # kept here: on "Connection: close" http.client forgets its socket

    def expire() -> None:
        expired.set()
        for opened in sockets:
            try:
                opened.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    timer = threading.Timer(TIMEOUT_SECONDS, expire)
    timer.start()
    try:
        connection.connect()
        if connection.sock is not None:
            sockets.append(connection.sock)
        if expired.is_set():
            expire()
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target or "/", body=data, headers=headers)
        response = connection.getresponse()
        body = response.read(MAX_RESPONSE_BYTES + 1)
        if expired.is_set():  # the shut socket read as an early end: the answer is cut, not complete
            raise TimeoutError(f"no complete answer within {TIMEOUT_SECONDS:g} seconds")
        if len(body) > MAX_RESPONSE_BYTES:
            raise http.client.HTTPException(f"the answer was over {MAX_RESPONSE_BYTES // 1_000_000} MB")
        if response.length:  # bytes the Content-Length promised that never came
            raise http.client.IncompleteRead(body, response.length)
        return _Answer(response.status, response.headers, body)
    except (OSError, http.client.HTTPException):
        if expired.is_set():
            raise TimeoutError(f"no complete answer within {TIMEOUT_SECONDS:g} seconds") from None
        raise
    finally:
        timer.cancel()
        connection.close()


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())[:200]
    return f"{type(error).__name__}" + (f": {text}" if text else "")


def _json(payload: bytes, method: str, path: str) -> Any:
    if not payload:
        return None
    try:
        return json.loads(payload)
    except (ValueError, RecursionError):
        raise SpecdiffError(f"GitHub answered {method} {path} with a body that is not JSON (or is nested too deeply)") from None


def _retry_wait(status: int, headers: http.client.HTTPMessage, attempt: int) -> float | None:
    """Seconds to wait before retrying, or ``None`` when retrying cannot help.

    ``Retry-After`` and ``x-ratelimit-reset`` are used when they are numbers
    that make sense; a negative or non-numeric one means the usual backoff, and
    an infinite one fails at once, as any wait over a minute does.
    """
    rate_limited = status == 429 or (status == 403 and headers.get("x-ratelimit-remaining") == "0")
    if not rate_limited and status < 500:
        return None
    backoff = BACKOFF_SECONDS * 2**attempt
    wait = _number(headers.get("retry-after"))
    if wait is None and rate_limited:
        reset = _number(headers.get("x-ratelimit-reset"))
        wait = None if reset is None else max(0.0, reset - time.time())
    wait = backoff if wait is None or wait < 0 else wait
    return wait if wait <= MAX_WAIT_SECONDS else None


def _number(text: str | None) -> float | None:
    """A header's number (``inf`` included: wait for ever, so fail now), or ``None`` (absent, not a number, NaN)."""
    try:
        value = float(text) if text is not None else None
    except ValueError:
        return None
    return None if value is None or math.isnan(value) else value


def _next_link(header: str | None) -> str | None:
    """The ``rel="next"`` address of a Link header, for paging through comments."""
    for part in (header or "").split(","):
        if 'rel="next"' in part:
            return part.split(";", 1)[0].strip().strip("<>")
    return None
