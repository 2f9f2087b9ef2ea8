"""``--format markdown``: the pull-request comment, GitHub-flavoured Markdown.

Readable in ten seconds, complete when opened: a headline (amendments by
severity, suggested bump, stale outputs), the breaking and substantive
amendments with their effects in words and a compact inline diff, editorial
ones folded in ``<details>``, the outputs and eval cases reached with why, and
a footer naming the revisions compared. A hidden marker, :data:`MARKER`,
identifies the comment so the bot updates it instead of adding another.

Spec text, paths, eval ids and model answers are never trusted: each passes
the escaping function of its context (see ``escaping``: prose, one line, a table
cell, a code span),
so none can close the ``<details>`` around it, add markup, links or images,
ping anyone or break a table (see docs/security.md). The body stays under GitHub's 65,536-character
limit by dropping the least important parts first and saying what was cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TextIO

from specdiff import __version__
from specdiff.model import Amendment, Section, SpecDiff
from specdiff.nodes import output_kind
from specdiff.render import RenderOptions
from specdiff.render.escaping import cell, code, inline, prose
from specdiff.render.words import (
    counted,
    describe_effect,
    kind_label,
    lines_of,
    output_name,
    trim_context,
    which_sentence,
)

MARKER = "<!-- specdiff:comment -->"
"""The first line of every comment specdiff writes."""

MAX_BODY_CHARS = 65_536
"""GitHub's limit on a comment body."""

CONTEXT_WORDS = 10
"""Unchanged words kept on each side of a change in the inline diff."""

MAX_SHOWN_CHARS = 400
"""Characters shown of a clause's text that has no change to centre on (a move)."""

MAX_OUTPUTS_PER_AMENDMENT = 5

MAX_DIFF_CHARS = 1200
"""Longest inline diff of one amendment; the rest is "…" (``specdiff`` locally shows it all)."""

SEVERITY_TITLE = {"breaking": "🔴 Breaking", "substantive": "🟡 Substantive", "editorial": "⚪ Editorial"}


def render(diff: SpecDiff, options: RenderOptions) -> str:
    return comment_body(diff)


def write(diff: SpecDiff, options: RenderOptions, stream: TextIO) -> None:
    stream.write(render(diff, options))


def comment_body(diff: SpecDiff, *, limit: int = MAX_BODY_CHARS) -> str:
    """The whole comment, cut to ``limit`` characters by dropping the least important parts first."""
    if not diff.amendments:
        return (
            "\n\n".join([MARKER, "### Spec changes: none", "No spec file changed in the compared revisions.", _footer(diff)])
            + "\n"
        )
    parts = _Parts(
        headline=_headline(diff),
        serious=[_amendment_block(a) for a in diff.amendments if a.severity == "breaking"]
        + [_amendment_block(a) for a in diff.amendments if a.severity == "substantive"],
        editorial=[_amendment_block(a) for a in diff.amendments if a.severity == "editorial"],
        outputs=_outputs_table(diff),
        footer=_footer(diff),
    )
    return parts.fit(limit)


@dataclass
class _Parts:
    headline: str
    serious: list[str]
    editorial: list[str]
    outputs: str
    footer: str

    def fit(self, limit: int) -> str:
        """Assemble the parts, dropping (in this order) editorial amendments, the outputs table and
        then the last serious amendments until the body fits."""
        cut: list[str] = []
        serious, editorial, outputs = list(self.serious), list(self.editorial), self.outputs
        while True:
            body = self._assemble(serious, editorial, outputs, cut)
            if len(body) <= limit:
                return body
            if editorial:
                cut.append(counted(len(editorial), "editorial amendment"))
                editorial = []
            elif outputs:
                cut.append("the table of outputs and eval cases")
                outputs = ""
            elif serious:
                dropped = max(1, len(serious) // 4)
                serious = serious[:-dropped]
                cut = [c for c in cut if not c.startswith("the last")] + [
                    f"the last {len(self.serious) - len(serious)} breaking or substantive amendments"
                ]
            else:
                return body[: limit - 1] + "…"

    def _assemble(self, serious: list[str], editorial: list[str], outputs: str, cut: list[str]) -> str:
        pieces = [MARKER, self.headline, *serious]
        if editorial:
            count = len(editorial)
            summary = counted(count, "editorial amendment")
            pieces.append(f"<details><summary>{summary}</summary>\n\n" + "\n\n".join(editorial) + "\n\n</details>")
        if outputs:
            pieces.append(outputs)
        if cut:
            pieces.append(
                "> [!NOTE]\n> This comment was cut to fit GitHub's size limit: "
                + "; ".join(cut)
                + " not shown. Run `specdiff` locally for everything."
            )
        pieces.append(self.footer)
        return "\n\n".join(pieces) + "\n"


def _headline(diff: SpecDiff) -> str:
    counts = ", ".join(f"{n} {severity}" for severity, n in reversed(diff.by_severity.items()) if n)
    total = len(diff.amendments)
    line = f"### Spec changes: {counted(total, 'amendment')} ({counts}) · suggested bump: **{diff.bump}**"
    facts = []
    artifacts = [n for n in diff.outputs if output_kind(n) == "artifact"]
    evals = [n for n in diff.outputs if output_kind(n) == "eval"]
    if artifacts:
        facts.append(f"{counted(len(artifacts), 'output')} to rebuild")
    if evals:
        facts.append(f"{counted(len(evals), 'eval')} to re-run")
    if diff.stale:
        facts.append(f"**{len(diff.stale)} stale** since last stamped")
    if diff.dangling:
        facts.append(counted(len(diff.dangling), "dangling reference"))
    return line + ("\n\n" + " · ".join(facts) if facts else "")


def _amendment_block(amendment: Amendment) -> str:
    item = (amendment.new or amendment.old)[0]
    where = _location(amendment)
    label = kind_label(amendment)
    lines = [f"**{SEVERITY_TITLE[amendment.severity]}** · {label} · {where}"]
    if not isinstance(item, Section) or amendment.kind != "added":
        lines.append(_quote(_inline_diff(amendment)))
    for effect in amendment.effects:
        lines.append(f"- {inline(describe_effect(effect) + which_sentence(effect, amendment))}")
    if amendment.explanation:
        lines.append(f"- ✎ {inline(amendment.explanation.summary)} (*{inline(amendment.explanation.verdict)}*)")
    if amendment.impact:
        names = [f"`{code(output_name(i.node))}`" for i in amendment.impact]
        more = len(names) - MAX_OUTPUTS_PER_AMENDMENT
        shown = ", ".join(names[:MAX_OUTPUTS_PER_AMENDMENT]) + (f" and {more} more" if more > 0 else "")
        lines.append(f"- reaches {shown}")
    return "\n".join(lines)


def _location(amendment: Amendment) -> str:
    side = amendment.new or amendment.old
    removed = "" if amendment.new else " (removed)"
    return f"`{code(side[0].path)}` § {inline(side[0].heading or 'top of file')} · {lines_of(side)}{removed}"


def _inline_diff(amendment: Amendment) -> str:
    """The word diff with <del> and <ins>, long unchanged runs cut to their edges, and the whole
    cut at ``MAX_DIFF_CHARS`` so one huge clause cannot crowd the others out of the comment."""
    pieces = amendment.word_diff
    out = []
    shown = 0
    for k, (tag, text) in enumerate(pieces):
        if tag == "equal" or amendment.kind in ("added", "removed"):
            first, last = k == 0 or tag != "equal", k == len(pieces) - 1 or tag != "equal"
            text = trim_context(text, first=first, last=last, context=CONTEXT_WORDS, whole=MAX_SHOWN_CHARS)
        if shown + len(text) > MAX_DIFF_CHARS:
            text = text[: max(0, MAX_DIFF_CHARS - shown)].rsplit(" ", 1)[0]
            out.append(_tagged(tag, text, amendment) + " …")
            break
        shown += len(text)
        out.append(_tagged(tag, text, amendment))
    return "".join(out)


def _tagged(tag: str, text: str, amendment: Amendment) -> str:
    if tag == "equal" or amendment.kind in ("added", "removed") or not text:
        return prose(text)
    return f"<del>{prose(text)}</del>" if tag == "delete" else f"<ins>{prose(text)}</ins>"


def _quote(text: str) -> str:
    """A blockquote; fence lines of an example are dropped (a fence would show the tags as text)
    and each line ends in a hard break so the example keeps its lines."""
    lines = [line for line in text.split("\n") if not re.match(r"\s*((\\?`){3}|(\\?~){3})", line)]
    return "\n".join("> " + line + ("  " if k < len(lines) - 1 else "") if line.strip() else ">" for k, line in enumerate(lines))


def _outputs_table(diff: SpecDiff) -> str:
    if not diff.outputs:
        return ""
    stale = set(diff.stale or [])
    rows = ["| output | kind | amendments | why (first) |", "|---|---|---|---|"]
    for node, amendments in diff.outputs.items():
        kind = output_kind(node) + (" · **stale**" if node in stale else "")
        why = next(i.why for i in amendments[0].impact if i.node == node)
        first = why[0].removeprefix(f"{output_name(node)} ") if why else ""
        more = f" (via {counted(len(why) - 1, 'more link')})" if len(why) > 1 else ""
        reason = cell(first) + more if why else "changed directly"
        rows.append(f"| `{code(output_name(node), in_table=True)}` | {kind} | {len(amendments)} | {reason} |")
    count = len(diff.outputs)
    return f"<details><summary>Outputs and eval cases reached ({count})</summary>\n\n" + "\n".join(rows) + "\n\n</details>"


def _footer(diff: SpecDiff) -> str:
    return (
        f"<sub>specdiff {__version__} · {_side(diff.base.rev, diff.base.commit)} → {_side(diff.head.rev, diff.head.commit)}</sub>"
    )


def _side(rev: str | None, commit: str | None) -> str:
    """A revision as typed and the commit it named, without saying the same id twice."""
    if commit is None:
        return "the working tree"
    if not rev or rev == commit or commit.startswith(rev):
        return f"`{commit[:10]}`"
    return f"`{code(rev)}` ({commit[:10]})"
