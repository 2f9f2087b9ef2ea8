"""``--format changelog`` and ``specdiff changelog A B``: a draft of release notes, in Markdown.

Amendments are grouped the way release notes are read: breaking changes
first, then what was added, changed and removed, each under the section it
is in; editorial fixes are only counted. The text is a draft for a person to
edit, so it quotes the spec rather than paraphrasing it. With a language
model configured, ``specdiff changelog`` puts a short prose summary on top.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from specdiff.model import Amendment, Clause, Effect, SpecDiff
from specdiff.render import RenderOptions
from specdiff.render.escaping import code, inline
from specdiff.render.words import describe_effect, shorten

QUOTE_CHARS = 160
"""Longest quotation of a clause in a bullet."""

GROUPS: tuple[tuple[str, Callable[[Amendment], bool]], ...] = (
    ("Breaking changes", lambda a: a.severity == "breaking"),
    ("Added", lambda a: a.severity != "breaking" and a.kind == "added"),
    ("Changed", lambda a: a.severity == "substantive" and a.kind not in ("added", "removed")),
    ("Removed", lambda a: a.severity != "breaking" and a.kind == "removed"),
)


def render(diff: SpecDiff, options: RenderOptions) -> str:
    return release_notes(diff)


def write(diff: SpecDiff, options: RenderOptions, stream: TextIO) -> None:
    stream.write(render(diff, options))


def release_notes(diff: SpecDiff, summary: str | None = None) -> str:
    """The release notes; ``summary`` (from a language model) goes on top when given."""
    title = f"# Spec changes: {diff.base.rev or diff.base.label} → {diff.head.rev or diff.head.label}"  # as typed
    lines = [title, ""]
    if summary:  # a model's answer: as untrusted as the spec text
        lines += [inline(summary), ""]
    if not diff.amendments:
        return "\n".join(lines + ["No spec changes."]) + "\n"
    bump = f"Suggested version bump: **{diff.bump}**."
    lines += [bump, ""]
    for title, belongs in GROUPS:
        chosen = [a for a in diff.amendments if belongs(a)]
        if not chosen:
            continue
        lines += [f"## {title}", ""]
        by_section: dict[str, list[Amendment]] = {}
        for amendment in chosen:
            by_section.setdefault(_section_title(amendment), []).append(amendment)
        for section, amendments in by_section.items():
            lines.append(f"### {section}")
            lines.append("")
            lines += [f"- {_bullet(a)}" for a in amendments]
            lines.append("")
    editorial = sum(1 for a in diff.amendments if a.severity == "editorial")
    if editorial:
        lines += [f"Also {editorial} editorial fix{'es' if editorial != 1 else ''} (typos, punctuation, wrapping).", ""]
    return "\n".join(lines).rstrip() + "\n"


def _section_title(amendment: Amendment) -> str:
    item = (amendment.new or amendment.old)[0]
    return f"{inline(item.heading or 'Top of file')} (`{code(item.path)}`)"


def _bullet(amendment: Amendment) -> str:
    what = inline(_what(amendment))
    quote = inline(_quote(amendment))
    return f"{what}: “{quote}”" if quote else what


def _what(amendment: Amendment) -> str:
    meaningful = [e for e in amendment.effects if e.type not in ("wording", "editorial")]
    if amendment.unit == "section":
        words = {
            "added": "New section",
            "removed": "Section removed",
            "renamed": "Section renamed",
            "moved": "Section moved",
            "merged": "Section merged into another",
            "modified": "Section attributes changed",
        }
        detail = "; ".join(describe_effect(e) for e in meaningful)
        return words.get(amendment.kind, amendment.kind) + (f" ({detail})" if detail else "")
    verb = {"added": "Added", "removed": "Removed", "moved": "Moved", "split": "Split", "merged": "Merged"}.get(
        amendment.kind, "Changed"
    )
    detail = "; ".join(_effect_phrase(e) for e in meaningful[:3])
    return f"{verb}" + (f" ({detail})" if detail else "")


def _effect_phrase(effect: Effect) -> str:
    return describe_effect(effect).replace("modality: ", "").replace("obligation added: ", "new rule: ")


def _quote(amendment: Amendment) -> str:
    items = amendment.new or amendment.old
    text = " ".join(item.normalized if isinstance(item, Clause) else item.heading for item in items)
    text = " ".join(text.split())
    return shorten(text, QUOTE_CHARS)
