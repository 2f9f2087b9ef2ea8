"""Optional: a language model writes the drafts' prompts and expected behaviour.

One request per clause, through the same OpenAI-compatible client, settings and
on-disk cache as ``--explain`` (see ``specdiff.llm``). The cache key is the
prompt, which holds the clause's text, so a clause with the same wording is
never asked about twice. The answer must be this JSON object, checked before use:

    {"title": "…", "prompt": "…", "expected": "…", "bad_answer": "…",
     "edge_prompt": "…", "edge_expected": "…"}

Any failure (no key, timeout, an answer that is not that object) leaves the
offline skeleton for that clause, and becomes one warning.
"""

from __future__ import annotations

import json
from pathlib import Path

from specdiff.config import LlmSettings
from specdiff.evals.draft import DraftCase, DraftTarget
from specdiff.llm import Cache, ReplyError, asker, configured_api_key, describe_failure, redacted

PROMPT_VERSION = "draft-1"
"""Part of every cache key: changing the prompt's wording must not reuse old answers."""

SYSTEM_PROMPT = """\
You write eval cases for a specification of an AI assistant's behaviour. You get one
clause as it now reads, what changed in it, and the section it is in. Write one realistic
user message that puts the clause to work, the behaviour the clause requires, one answer
that would break it, and one edge case whose message sits right at the boundary of the
changed wording (the changed number, the exception added or removed, the obligation made
stronger) with the behaviour required there. Answer with one JSON object:
{"title": "<a few words naming the case>", "prompt": "<the user message>",
"expected": "<the required behaviour>", "bad_answer": "<an answer that breaks the rule>",
"edge_prompt": "<the edge-case message>", "edge_expected": "<the behaviour required there>"}"""

FIELDS = ("title", "prompt", "expected", "bad_answer", "edge_prompt", "edge_expected")
MAX_FIELD_CHARS = 2000


def ask_for_drafts(
    targets: list[DraftTarget], settings: LlmSettings, state_dir: Path | None, *, api_key: str | None = None
) -> tuple[dict[str, DraftCase], list[str]]:
    """The model's draft for each target it answered well, by case id; and warnings (at most one)."""
    key = api_key if api_key is not None else configured_api_key()
    if not targets:
        return {}, []
    if not key:
        return {}, ["drafting with a model needs OPENAI_API_KEY; writing skeletons"]
    import openai  # here: it takes half a second, and offline drafting needs none of it

    cache = Cache(state_dir / "llm" if state_dir else None)
    ask = asker(settings, key)
    drafts: dict[str, DraftCase] = {}
    failures: list[str] = []
    for target in targets:
        messages = _messages(target)
        cache_key = cache.key(settings.model, messages)
        reply = cache.get(cache_key)
        if reply is None:
            try:
                reply = read_draft(ask(messages))
            except (ReplyError, openai.OpenAIError) as error:
                failures.append(redacted(describe_failure(error), key))
                if isinstance(error, openai.APITimeoutError):
                    break  # a server too slow for one clause is too slow for the next: do not wait again
                continue
            cache.put(cache_key, reply)
        drafts[target.case_id] = DraftCase(**{f: reply[f] for f in FIELDS}, model=settings.model)
    if not failures:
        return drafts, []
    missed = len(targets) - len(drafts)
    return drafts, [f"no model draft for {missed} of {len(targets)} clauses ({failures[0]}); writing skeletons for them"]


def read_draft(content: str | None) -> dict[str, str]:
    """Check an answer; raise :class:`ReplyError` if it is not the object asked for.

    >>> read_draft('{"title": "t", "prompt": "p", "expected": "e", "bad_answer": "b", "edge_prompt": "ep", '
    ...            '"edge_expected": "ee"}')["edge_prompt"]
    'ep'
    """
    try:
        data = json.loads(content or "")
    except ValueError:
        raise ReplyError("the answer was not JSON") from None
    if not isinstance(data, dict):
        raise ReplyError("the answer was not a JSON object")
    missing = [f for f in FIELDS if not isinstance(data.get(f), str) or not data[f].strip()]
    if missing:
        raise ReplyError(f"the answer had no {missing[0]!r}")
    return {f: data[f].strip()[:MAX_FIELD_CHARS] for f in FIELDS}


def _messages(target: DraftTarget) -> tuple[dict[str, str], ...]:
    user = {
        "version": PROMPT_VERSION,
        "section": target.clause.heading,
        "clause": target.clause.text,
        "change": target.change,
        "why a draft": target.reason,
    }
    return ({"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": json.dumps(user, ensure_ascii=False)})
