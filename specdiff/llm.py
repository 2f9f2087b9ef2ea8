"""Optional: a language model's one-line summary and verdict for each substantive amendment.

Everything in specdiff works without this. When it is switched on (``--explain``
or an ``[llm]`` table in the config) and ``OPENAI_API_KEY`` is set, the
substantive and breaking amendments of a diff are sent, several per request,
to any OpenAI-compatible endpoint through the ``openai`` client. Each answer is
a JSON object, checked before use:

    {"amendments": [{"id": "…", "summary": "…", "verdict": "narrowed", "rationale": "…"}]}

Answers are cached on disk by a hash of the model and the prompt, so running
the same diff again sends nothing. Any failure (no key, timeout, rate limit
after retries, server error, an answer that is not the JSON asked for) leaves
the offline reading in place and becomes one warning. The key is never
written anywhere, and never appears in a message.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from specdiff.atomic import write_text_atomically
from specdiff.config import LlmSettings
from specdiff.model import Amendment, Clause, Explanation, SpecDiff
from specdiff.render.controls import printable

VERDICTS = ("clarified", "narrowed", "broadened", "reversed", "new-obligation", "removed-obligation", "no-change")

MAX_TEXT_CHARS = 1500
"""Each side of an amendment is cut to this many characters in the prompt."""

MAX_SUMMARY_CHARS = 300

PROMPT_VERSION = "1"
"""Part of every cache key: changing the prompt's wording must not reuse old answers."""

SYSTEM_PROMPT = """\
You review amendments to a specification. For each amendment you get its id, kind,
section, old text, new text and what an automatic reading found. Answer with one JSON
object: {"amendments": [{"id": "<the id>", "summary": "<one line, at most 20 words,
what changed for someone following the rule>", "verdict": "<one of: clarified,
narrowed, broadened, reversed, new-obligation, removed-obligation, no-change>",
"rationale": "<one short sentence>"}]} with one entry per amendment, in the same order."""


class ReplyError(Exception):
    """An answer that cannot be used, with the reason."""


@dataclass(frozen=True)
class Batch:
    """Amendments sent together, and the messages that ask about them."""

    amendments: tuple[Amendment, ...]
    messages: tuple[dict[str, str], ...]


def configured_api_key() -> str | None:
    """The key specdiff uses: ``OPENAI_API_KEY``, never a file."""
    return os.environ.get("OPENAI_API_KEY") or None


def explain(
    amendments: list[Amendment], settings: LlmSettings, *, state_dir: Path | None = None, api_key: str | None = None
) -> tuple[dict[str, Explanation], list[str]]:
    """An :class:`Explanation` for each substantive or breaking amendment it can, by amendment id.

    Also returns warnings (at most one); never raises for a failing model, and
    changes no amendment. Answers are cached under ``state_dir``; ``api_key``
    defaults to ``OPENAI_API_KEY``.
    """
    key = api_key if api_key is not None else configured_api_key()
    wanted = [a for a in amendments if a.severity in ("substantive", "breaking")]
    if not wanted:
        return {}, []
    if not key:
        return {}, ["explaining needs OPENAI_API_KEY (or pass --no-explain); showing the offline reading only"]
    import openai  # here, not above: it takes half a second, and the cases above need none of it

    cache = Cache(state_dir / "llm" if state_dir else None)
    explained: dict[str, Explanation] = {}
    batches = [batch_for(wanted[k : k + settings.batch_size]) for k in range(0, len(wanted), settings.batch_size)]
    ask = asker(settings, key)
    failures: list[str] = []

    def run(batch: Batch) -> None:
        cache_key = cache.key(settings.model, batch.messages)
        reply = cache.get(cache_key)
        if reply is None:
            try:
                reply = read_reply(ask(batch.messages), batch)
            except (ReplyError, openai.OpenAIError) as error:
                failures.append(redacted(describe_failure(error), key))
                return
            cache.put(cache_key, reply)
        for amendment in batch.amendments:
            entry = reply.get(amendment.id)
            if isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("summary", "verdict", "rationale")):
                explained[amendment.id] = Explanation(entry["summary"], entry["verdict"], entry["rationale"], settings.model)

    with ThreadPoolExecutor(max_workers=settings.concurrency) as pool:
        list(pool.map(run, batches))
    if not failures:
        return explained, []
    missed = sum(1 for a in wanted if a.id not in explained)
    return explained, [
        f"no explanation for {missed} of {len(wanted)} amendments ({failures[0]}); showing the offline reading for them"
    ]


SUMMARY_PROMPT = """\
You write release notes for a specification. From the amendments listed, write a short
summary for readers of the release notes: two to four sentences of plain prose, the most
important changes first, no lists. Answer with one JSON object: {"summary": "<the prose>"}."""

MAX_SUMMARY_AMENDMENTS = 60
"""Amendments described to the model for a summary; breaking and substantive ones first."""


def summarize(diff: SpecDiff, settings: LlmSettings, *, api_key: str | None = None) -> tuple[str | None, list[str]]:
    """A prose summary of a whole diff for release notes, and warnings; ``None`` if it cannot be had."""
    key = api_key if api_key is not None else configured_api_key()
    if not key:
        return None, ["a summary needs OPENAI_API_KEY; the release notes have none"]
    import openai

    ranked = sorted(diff.amendments, key=lambda a: ("breaking", "substantive", "editorial").index(a.severity))
    batch = batch_for(ranked[:MAX_SUMMARY_AMENDMENTS])
    messages = ({"role": "system", "content": SUMMARY_PROMPT}, batch.messages[1])
    cache = Cache(diff.state_dir / "llm" if diff.state_dir else None)
    cache_key = cache.key(settings.model, messages)
    cached = cache.get(cache_key)
    if cached is not None and isinstance(cached.get("summary"), str):
        return cached["summary"], []
    try:
        data = _loaded(asker(settings, key)(messages))
        summary = data.get("summary") if isinstance(data, dict) else None
        if not isinstance(summary, str) or not summary.strip():
            raise ReplyError('the answer had no "summary"')
    except (ReplyError, openai.OpenAIError) as error:
        return None, [f"no summary for the release notes ({redacted(describe_failure(error), key)})"]
    summary = printable(" ".join(summary.split()))
    cache.put(cache_key, {"summary": summary})
    return summary, []


def batch_for(amendments: list[Amendment]) -> Batch:
    """The request for a few amendments: a system prompt and one user message listing them."""
    items = []
    for amendment in amendments:
        items.append(
            {
                "id": amendment.id,
                "kind": f"{amendment.unit} {amendment.kind}",
                "section": _heading(amendment),
                "old": _text(amendment.old),
                "new": _text(amendment.new),
                "automatic reading": [_effect_words(e) for e in amendment.effects] or ["none"],
            }
        )
    user = json.dumps({"amendments": items}, ensure_ascii=False, indent=1)
    return Batch(tuple(amendments), ({"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}))


def read_reply(content: str | None, batch: Batch) -> dict[str, dict[str, str]]:
    """Check an answer and return its entries by amendment id; raise :class:`ReplyError` if unusable."""
    data = _loaded(content)
    entries = data.get("amendments") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ReplyError('the answer had no "amendments" list')
    ids = {a.id for a in batch.amendments}
    found: dict[str, dict[str, str]] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or entry["id"] not in ids:
            continue
        summary, verdict, rationale = entry.get("summary"), entry.get("verdict"), entry.get("rationale", "")
        if isinstance(summary, str) and summary.strip() and verdict in VERDICTS and isinstance(rationale, str):
            found[entry["id"]] = {  # one line each, and no control character to reach a terminal
                "summary": printable(" ".join(summary.split()))[:MAX_SUMMARY_CHARS],
                "verdict": verdict,
                "rationale": printable(" ".join(rationale.split()))[:MAX_SUMMARY_CHARS],
            }
    if not found:
        raise ReplyError("the answer explained none of the amendments asked about")
    return found


class Cache:
    """Answers on disk, one JSON file per prompt hash; a missing folder means no cache."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @staticmethod
    def key(model: str, messages: tuple[dict[str, str], ...]) -> str:
        text = json.dumps([PROMPT_VERSION, model, list(messages)], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        if self.folder is None:
            return None
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent or damaged: ask again
        return data if isinstance(data, dict) else None

    def put(self, key: str, reply: dict[str, Any]) -> None:
        """Write atomically, so a crash never leaves half an answer behind."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_text_atomically(self.folder / f"{key}.json", json.dumps(reply, ensure_ascii=False, sort_keys=True))
        except OSError:
            pass  # a cache that cannot be written only costs a request next time


MAX_ANSWER_BYTES = 2_000_000
"""Largest answer read from the model: a batch's JSON is a few kilobytes; a 300 MB answer used 1.2 GB."""


def _loaded(content: str | bytes | None) -> Any:
    """JSON text decoded, or :class:`ReplyError` (not JSON, or nested too deeply to be an answer)."""
    try:
        return json.loads(content or "")
    except (ValueError, TypeError):
        raise ReplyError("the answer was not JSON") from None
    except RecursionError:
        raise ReplyError("the answer was JSON nested too deeply") from None


def asker(settings: LlmSettings, key: str) -> Callable[[tuple[dict[str, str], ...]], str | None]:
    """Ask the model; the answer is read as a stream, within ``timeout`` seconds in total
    (checked between chunks, so at most one read past it) and :data:`MAX_ANSWER_BYTES`."""
    from openai import OpenAI

    client = OpenAI(
        api_key=key,
        # The environment wins: whoever holds the key decides where it goes, not a pull request's config.
        base_url=os.environ.get("OPENAI_BASE_URL") or settings.base_url or None,
        timeout=settings.timeout,
        max_retries=settings.retries,
    )

    def ask(messages: tuple[dict[str, str], ...]) -> str | None:
        # Messages are plain dicts, which the client's typed overloads do not name.
        with client.chat.completions.with_streaming_response.create(  # type: ignore[call-overload]
            model=settings.model,
            messages=list(messages),
            response_format={"type": "json_object"},
            temperature=0,
        ) as response:
            deadline = time.monotonic() + settings.timeout
            body = bytearray()
            try:
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_ANSWER_BYTES:
                        raise ReplyError(f"the answer was over {MAX_ANSWER_BYTES // 1_000_000} MB")
                    if time.monotonic() > deadline:
                        raise ReplyError(f"the model did not finish answering within {settings.timeout:g} seconds")
            except ReplyError:
                raise
            except Exception as error:  # the HTTP library's own errors while the body streams in (a cut body)
                raise ReplyError(f"the answer broke off ({type(error).__name__})") from None
        return _content(_loaded(bytes(body)))

    return ask


def _content(completion: Any) -> str:
    """The first message's text of a chat completion, checked shape by shape."""
    choices = completion.get("choices") if isinstance(completion, dict) else None
    first = choices[0] if isinstance(choices, list) and choices else None
    message = first.get("message") if isinstance(first, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise ReplyError("the server's answer was not a chat completion with a text message")
    return content


def describe_failure(error: Exception) -> str:
    """A short reason for a failed request, without the request's details."""
    import openai

    if isinstance(error, ReplyError):
        return str(error)
    if isinstance(error, openai.APITimeoutError):
        return "the model did not answer in time"
    if isinstance(error, openai.RateLimitError):
        return "rate limited (429) after retries"
    if isinstance(error, openai.AuthenticationError):
        return "the API key was refused (401)"
    if isinstance(error, openai.APIStatusError):
        return f"the server answered {error.status_code}"
    if isinstance(error, openai.APIConnectionError):
        return "could not reach the model's server"
    return f"{type(error).__name__}"


def redacted(message: str, key: str) -> str:
    return message.replace(key, "***") if key else message


def _heading(amendment: Amendment) -> str:
    item = (amendment.new or amendment.old)[0]
    return item.heading


def _text(items: tuple[Any, ...]) -> str:
    text = "\n\n".join(item.text if isinstance(item, Clause) else item.heading for item in items)
    return text if len(text) <= MAX_TEXT_CHARS else text[:MAX_TEXT_CHARS] + " …"


def _effect_words(effect: Any) -> str:
    parts = [effect.type]
    if effect.old or effect.new:
        parts.append(f"{effect.old or '—'} → {effect.new or '—'}")
    if effect.direction:
        parts.append(f"({effect.direction})")
    return " ".join(parts)
