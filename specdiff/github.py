"""Post the pull-request comment: one sticky comment, created once and updated after.

The comment carries ``render.markdown.MARKER``; posting looks for a comment with
it on the pull request and edits that one, so a pull request never gets a
second specdiff comment. Talks to GitHub's REST API with the standard library:

- the token comes from ``GITHUB_TOKEN`` and appears in no message;
- the repository and pull request come from flags, or from the Actions
  environment (``GITHUB_REPOSITORY``, and the event in ``GITHUB_EVENT_PATH``);
- ``GITHUB_API_URL`` is respected, for GitHub Enterprise Server;
- server errors (5xx) and rate limits (429, or 403 with no requests left) are
  retried with backoff, honouring ``Retry-After``.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    return PullRequest(repository, number, (env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/"))


def _number_from_event(path: str | None) -> int:
    if not path:
        raise SpecdiffError("no pull request to comment on: pass --pr NUMBER, or run in a pull_request workflow")
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SpecdiffError(f"cannot read the GitHub event file {path}: {error}") from None
    for key in ("pull_request", "issue"):
        number = (event.get(key) or {}).get("number") if isinstance(event, dict) else None
        if isinstance(number, int):
            return number
    raise SpecdiffError(f"the GitHub event in {path} is not about a pull request; pass --pr NUMBER")


class GitHub:
    """A small REST client for the few calls the bot makes."""

    def __init__(self, api_url: str, token: str) -> None:
        if not token:
            raise SpecdiffError("GITHUB_TOKEN is not set; the workflow needs `pull-requests: write` and the token")
        self.api_url = api_url
        self._token = token

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """Send one request, retrying server errors and rate limits; return the decoded JSON."""
        return self._send(method, path, body)[0]

    def pages(self, path: str) -> Iterator[Any]:
        """Every item of a listing, following its ``Link: rel="next"`` pages."""
        page: str | None = path
        while page:
            items, page = self._send("GET", page, None)
            yield from items or []

    def _send(self, method: str, path: str, body: dict[str, Any] | None) -> tuple[Any, str | None]:
        url = path if path.startswith("http") else f"{self.api_url}{path}"
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(ATTEMPTS):
            request = urllib.request.Request(url, data=data, method=method, headers=self._headers(data is not None))
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                    payload = response.read()
                    return (json.loads(payload) if payload else None), _next_link(response.headers.get("Link"))
            except urllib.error.HTTPError as error:
                wait = _retry_wait(error, attempt)
                if wait is None or attempt == ATTEMPTS - 1:
                    raise SpecdiffError(self._failure(method, path, error)) from None
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                reason = getattr(error, "reason", error)
                if attempt == ATTEMPTS - 1:
                    raise SpecdiffError(f"cannot reach GitHub at {self.api_url}: {reason}") from None
                wait = BACKOFF_SECONDS * 2**attempt
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

    def _failure(self, method: str, path: str, error: urllib.error.HTTPError) -> str:
        try:
            message = json.loads(error.read() or b"{}").get("message", "")
        except ValueError:
            message = ""
        text = f"GitHub answered {error.code} to {method} {path}" + (f": {message}" if message else "")
        if error.code in (401, 403, 404):
            text += " (check that GITHUB_TOKEN may write pull-request comments on this repository)"
        return text.replace(self._token, "***")


def post_comment(pull_request: PullRequest, token: str, body: str, marker: str, *, only_update: bool = False) -> str:
    """Create or update the comment that starts with ``marker``; return what happened.

    ``created``, ``updated``, ``unchanged`` (same body already there) or
    ``skipped`` (``only_update`` and no comment yet).
    """
    github = GitHub(pull_request.api_url, token)
    owner_repo, number = pull_request.repository, pull_request.number
    comments = github.pages(f"/repos/{owner_repo}/issues/{number}/comments?per_page=100")
    existing = next((c for c in comments if isinstance(c, dict) and str(c.get("body", "")).startswith(marker)), None)
    if existing is not None:
        if existing.get("body") == body:
            return "unchanged"
        github.request("PATCH", f"/repos/{owner_repo}/issues/comments/{existing['id']}", {"body": body})
        return "updated"
    if only_update:
        return "skipped"
    github.request("POST", f"/repos/{owner_repo}/issues/{number}/comments", {"body": body})
    return "created"


def _retry_wait(error: urllib.error.HTTPError, attempt: int) -> float | None:
    """Seconds to wait before retrying, or ``None`` when retrying cannot help."""
    rate_limited = error.code == 429 or (error.code == 403 and error.headers.get("x-ratelimit-remaining") == "0")
    if not rate_limited and error.code < 500:
        return None
    retry_after = error.headers.get("retry-after")
    if retry_after is not None:
        try:
            wait = float(retry_after)
        except ValueError:
            wait = BACKOFF_SECONDS * 2**attempt
    elif rate_limited and error.headers.get("x-ratelimit-reset"):
        wait = max(0.0, float(error.headers["x-ratelimit-reset"]) - time.time())
    else:
        wait = BACKOFF_SECONDS * 2**attempt
    return wait if wait <= MAX_WAIT_SECONDS else None


def _next_link(header: str | None) -> str | None:
    """The ``rel="next"`` address of a Link header, for paging through comments."""
    for part in (header or "").split(","):
        if 'rel="next"' in part:
            return part.split(";", 1)[0].strip().strip("<>")
    return None
