"""Optional: a language model looks for contradictions the word-level checks cannot see.

CON001 pairs rules only when they name the same holder and action in the same
words; "The assistant must read fines aloud" and "Never tell a patron what they
owe" contradict in other words. With ``specdiff lint --model`` (and
``OPENAI_API_KEY``, the ``[llm]`` settings of ``--explain``), each rule the
change wrote is sent with the few rules of the spec most like it
(:data:`NEIGHBOURS`, by rapidfuzz's token-set ratio), one request per rule,
and the model answers which of them it contradicts, checked before use:

    {"contradictions": [{"id": 2, "why": "one requires reading fines aloud, the other forbids it"}]}

Answers are cached on disk by a hash of the model and the prompt (``llm.Cache``),
so a rerun sends nothing. Any failure (no key, timeout, rate limit, an answer
that is not that object) adds no finding and one warning: the check is off by
default and never blocks the offline ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from specdiff.config import LlmSettings
from specdiff.lint.base import Check, ClauseView, Finding, finding
from specdiff.lint.rules import Rule, RuleBook, fold, rules_of
from specdiff.llm import Cache, ReplyError, asker, configured_api_key, describe_failure, redacted
from specdiff.render.controls import printable
from specdiff.render.words import shorten

CHECKS = (
    Check(
        "CON003",
        "model-contradiction",
        "warning",
        "A language model reads a rule the change wrote as contradicting one of the spec's most similar rules "
        "(only with --model).",
        "The assistant must read out a patron's fines. (elsewhere: Never tell a patron what they owe.)",
        "The assistant must show a patron's fines on screen. (elsewhere: Never tell a patron what they owe aloud.)",
    ),
)

NEIGHBOURS = 5
"""Similar rules sent with each changed rule: enough to catch a reworded twin, few enough to keep a prompt short."""
MIN_SIMILARITY = 40
"""Token-set ratio (0-100) below which a rule is not worth asking about: it shares almost no words."""
MAX_WHY_CHARS = 300
PROMPT_VERSION = "lint-1"
"""Part of every cache key: changing the prompt's wording must not reuse old answers."""

SYSTEM_PROMPT = """\
You check a specification for contradictions. You get one rule a change wrote and a few
other rules of the same specification, each with an id. A contradiction means no one can
follow both rules in the same situation (one requires what the other forbids, or they set
different values for the same thing). Rules that apply in different situations, or where
one is an exception to the other, do not contradict. Answer with one JSON object:
{"contradictions": [{"id": <the other rule's id>, "why": "<one short sentence>"}]},
an empty list when there is none."""


@dataclass(frozen=True)
class Asked:
    """A changed rule and the rules sent with it."""

    view: ClauseView
    rule: Rule
    others: tuple[Rule, ...]


def neighbours(view: ClauseView, book: RuleBook) -> list[Asked]:
    """Each rule of the clause, with the most similar rules of the spec in other clauses."""
    asked = []
    clause = view.clause
    for rule in rules_of(clause, view.place):
        hits = process.extract(fold(rule.sentence), book.folded, scorer=fuzz.token_set_ratio, limit=NEIGHBOURS * 2)
        others = []
        for _, score, k in hits:
            other = book.rules[k]
            assert other.clause is not None
            elsewhere = (other.clause.path, other.clause.index) != (clause.path, clause.index)
            if score >= MIN_SIMILARITY and elsewhere and not book.apart(rule, other):
                others.append(other)
        if others:
            asked.append(Asked(view, rule, tuple(others[:NEIGHBOURS])))
    return asked


def contradictions(
    asked: list[Asked], settings: LlmSettings, state_dir: Path | None, *, api_key: str | None = None
) -> tuple[list[Finding], list[str]]:
    """CON003 findings for what the model calls a contradiction, and warnings (at most one)."""
    if not asked:
        return [], []
    key = api_key if api_key is not None else configured_api_key()
    if not key:
        return [], ["the model check (--model) needs OPENAI_API_KEY; it was skipped"]
    import openai  # here: it takes half a second, and the offline checks need none of it

    cache = Cache(state_dir / "llm" if state_dir else None)
    ask = asker(settings, key)
    found: list[Finding] = []
    failures: list[str] = []
    answered = 0
    for item in asked:
        messages = _messages(item)
        cache_key = cache.key(settings.model, messages)
        cached = cache.get(cache_key)
        try:
            entries = read_answer(json.dumps(cached), len(item.others)) if cached is not None else None
        except ReplyError:
            entries = None  # a damaged cache entry: ask again
        if entries is None:
            try:
                entries = read_answer(ask(messages), len(item.others))
            except (ReplyError, openai.OpenAIError) as error:
                failures.append(redacted(describe_failure(error), key))
                if isinstance(error, openai.APITimeoutError):
                    break  # too slow for one rule is too slow for the next: do not wait again
                continue
            cache.put(cache_key, {"contradictions": entries})
        answered += 1
        for entry in entries:
            other = item.others[int(entry["id"]) - 1]
            assert other.clause is not None
            where = f"{other.clause.path}:{other.clause.lines[0]}"
            message = f'a model reads this as contradicting "{shorten(other.sentence, 80)}" ({where}): {entry["why"]}'
            found.append(finding("CON003", item.view.clause, message, other.sentence, other.clause))
    if not failures:
        return found, []
    return found, [f"the model check skipped {len(asked) - answered} of {len(asked)} rules ({failures[0]})"]


def read_answer(content: str | None, others: int) -> list[dict[str, int | str]]:
    """Check an answer; raise :class:`ReplyError` if it is not the object asked for.

    >>> read_answer('{"contradictions": [{"id": 2, "why": "one forbids what the other requires"}]}', 3)
    [{'id': 2, 'why': 'one forbids what the other requires'}]
    """
    try:
        data = json.loads(content or "")
    except (ValueError, RecursionError):
        raise ReplyError("the answer was not JSON") from None
    entries = data.get("contradictions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ReplyError('the answer had no "contradictions" list')
    kept: list[dict[str, int | str]] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        number, why = entry.get("id"), entry.get("why")
        if isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= others and isinstance(why, str):
            kept.append({"id": number, "why": printable(" ".join(why.split()))[:MAX_WHY_CHARS]})
    return kept


def _messages(item: Asked) -> tuple[dict[str, str], ...]:
    user = {
        "version": PROMPT_VERSION,
        "rule": item.rule.sentence,
        "section": item.view.clause.heading,
        "others": [
            {"id": n, "rule": other.sentence, "section": other.clause.heading if other.clause else ""}
            for n, other in enumerate(item.others, 1)
        ],
    }
    return ({"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": json.dumps(user, ensure_ascii=False)})
