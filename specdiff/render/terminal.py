"""``--format text``: the amendments for a person at a terminal, drawn with Rich in colour and as
Rich would draw them without (see ``terminal_lines``).

Per file, per section, each amendment with its kind, severity, lines, an
inline word diff and its effects in words, then a one-line summary. Warnings
are not part of it: the CLI writes them to stderr. Without
colour the word diff keeps its meaning through ``[-deleted-]{+inserted+}``
markers, as ``git diff --word-diff=plain`` prints them.
"""

from __future__ import annotations

import io
from typing import TextIO

from specdiff.model import Amendment, FileDiff, SpecDiff
from specdiff.nodes import output_kind
from specdiff.render import RenderOptions
from specdiff.render.controls import printable
from specdiff.render.terminal_lines import Lines, Part, PlainLines, RichLines
from specdiff.render.words import (
    counted,
    describe_effect,
    kind_label,
    moved_from,
    output_name,
    section_of,
    shorten,
    trim_context,
    where,
    which_sentence,
)

CONTEXT_WORDS = 12
"""Unchanged words kept on each side of a change; longer unchanged runs are cut to "…"."""

MAX_SHOWN_CHARS = 600
"""Added and removed clauses longer than this are cut; ``--format json`` has them whole."""

MAX_OUTPUTS_SHOWN = 4
"""Outputs named under an amendment; the roll-up at the end names them all."""

MAX_DANGLING_SHOWN = 10

SEVERITY_STYLE = {"breaking": "bold red", "substantive": "yellow", "editorial": "green"}
KIND_STYLE = {
    "added": "green",
    "removed": "red",
    "modified": "cyan",
    "moved": "magenta",
    "split": "magenta",
    "merged": "magenta",
    "renamed": "cyan",
}


def render(diff: SpecDiff, options: RenderOptions) -> str:
    buffer = io.StringIO()
    lines = RichLines(buffer, options.width, color=True) if options.color else PlainLines(buffer, options.width)
    return render_into(lines, diff, options)


def write(diff: SpecDiff, options: RenderOptions, stream: TextIO) -> None:
    stream.write(render(diff, options))


def render_into(lines: Lines, diff: SpecDiff, options: RenderOptions) -> str:
    """:func:`render`, drawn on ``lines`` (without colour the same text comes out of either kind)."""
    for file in diff.files:
        if file.amendments or file.status != "modified":  # a file whose change meant nothing gets no header
            _file(lines, file, options)
    _outputs(lines, diff, options.mentions)
    lines.plain(summary_line(diff))
    if options.color:
        return lines.text()
    # Plain text should not end in spaces: a wrapped line keeps the space it broke at, text can end in
    # spaces of its own, and the lines PlainLines leaves to Rich are padded to the width.
    return "\n".join(line.rstrip() for line in lines.text().split("\n"))


def _outputs(lines: Lines, diff: SpecDiff, mentions: bool) -> None:
    """What to rebuild and re-run, the documents that mention what changed (on request), then the
    references the change left leading nowhere."""
    outputs = diff.outputs
    mentioned = _mentioned(diff) if mentions else {}
    for kind, title in (("artifact", "Outputs to rebuild"), ("eval", "Evals to re-run")):
        nodes = [node for node in outputs if output_kind(node) == kind]
        if nodes:
            lines.line(_parts((f"{title} ({len(nodes)}):", "bold")))
            for node in nodes:
                count = len(outputs[node])
                stale = ("  stale since stamped", "yellow") if node in (diff.stale or []) else ("", "")
                lines.line(_parts(("  " + output_name(node), ""), (f"  ← {counted(count, 'amendment')}", "dim"), stale))
    if mentioned:
        lines.line(_parts((f"Mentioned in ({len(mentioned)}):", "bold"), ("  links to what changed; nothing to rebuild", "dim")))
        for node, count in mentioned.items():
            lines.line(_parts(("  " + output_name(node), ""), (f"  ← {counted(count, 'amendment')}", "dim")))
    if diff.dangling:
        lines.line(_parts((f"Dangling references ({len(diff.dangling)}):", "bold yellow")))
        for dangling in diff.dangling[:MAX_DANGLING_SHOWN]:
            lines.line(_parts((f"  {dangling.where}", ""), (f"  {dangling.target} does not exist ({dangling.reason})", "dim")))
        if len(diff.dangling) > MAX_DANGLING_SHOWN:
            lines.plain(f"  … and {len(diff.dangling) - MAX_DANGLING_SHOWN} more (--format json lists them all)")
    if outputs or mentioned or diff.dangling:
        lines.blank()


def _mentioned(diff: SpecDiff) -> dict[str, int]:
    """Each document that links to something the diff changed, with how many amendments it mentions."""
    counts: dict[str, int] = {}
    for amendment in diff.amendments:
        for mention in amendment.mentions:
            counts[mention.node] = counts.get(mention.node, 0) + 1
    return dict(sorted(counts.items()))


def summary_line(diff: SpecDiff) -> str:
    """One line: how many amendments of which severity, and the suggested bump."""
    sides = f"{diff.base.label} → {diff.head.label}"
    if not diff.amendments:
        moved = {status: sum(f.status == status for f in diff.files) for status in ("renamed", "copied")}
        moves = "".join(f"; {counted(n, 'file')} {status}" for status, n in moved.items() if n)
        return f"No spec amendments{moves} ({sides})."
    counts = ", ".join(f"{n} {severity}" for severity, n in reversed(diff.by_severity.items()) if n)
    files = counted(len(diff.files), "file")
    total = len(diff.amendments)
    return f"{counted(total, 'amendment')} in {files} ({counts}) · suggested bump: {diff.bump} · {sides}"


def _file(lines: Lines, file: FileDiff, options: RenderOptions) -> None:
    heading = f"{file.title}  ({file.status}, {counted(len(file.amendments), 'amendment')})"
    lines.rule(printable(heading))
    current_section: tuple[str, str] | None = None
    for amendment in file.amendments:
        section = section_of(amendment)
        if section != current_section:
            current_section = section
            heading, section_id = section
            lines.line(
                _parts(
                    ("§ ", "bold"),
                    (heading or "(before the first heading)", "bold"),
                    (f"  #{section_id}" if section_id else "", "dim"),
                )
            )
        _amendment(lines, amendment, options)
    lines.blank()


def _amendment(lines: Lines, amendment: Amendment, options: RenderOptions) -> None:
    color = options.color
    label = kind_label(amendment)
    lines.line(
        _parts(
            (label, KIND_STYLE.get(amendment.kind, "")),
            (" · ", "dim"),
            (amendment.severity, SEVERITY_STYLE[amendment.severity]),
            (" · ", "dim"),
            (_where(amendment), "dim"),
        ),
        indent=2,
    )
    lines.line(_diff_parts(amendment, color), indent=4)
    for effect in amendment.effects:
        line = describe_effect(effect) + which_sentence(effect, amendment)
        lines.line(_parts(("↳ ", "dim"), (line, "italic" if color else "")), indent=4)
    if amendment.impact:
        names = [output_name(i.node) for i in amendment.impact]
        shown = ", ".join(names[:MAX_OUTPUTS_SHOWN]) + (
            f" (+{len(names) - MAX_OUTPUTS_SHOWN} more)" if len(names) > MAX_OUTPUTS_SHOWN else ""
        )
        lines.line(_parts(("⇢ reaches ", "dim"), (shown, "blue" if color else "")), indent=4)
    if options.mentions and amendment.mentions:
        names = [output_name(i.node) for i in amendment.mentions]
        shown = ", ".join(names[:MAX_OUTPUTS_SHOWN]) + (
            f" (+{len(names) - MAX_OUTPUTS_SHOWN} more)" if len(names) > MAX_OUTPUTS_SHOWN else ""
        )
        lines.line(_parts(("⇢ mentioned in ", "dim"), (shown, "")), indent=4)
    if amendment.explanation:
        said = f"{amendment.explanation.summary} [{amendment.explanation.verdict}]"
        lines.line(_parts(("✎ ", "dim"), (said, "cyan" if color else "")), indent=4)


def _where(amendment: Amendment) -> str:
    """Line numbers of each side, and the file or section a clause moved from."""
    source = moved_from(amendment)
    return where(amendment) + (f" (from {source})" if source else "")


def _diff_parts(amendment: Amendment, color: bool) -> list[Part]:
    parts: list[Part] = []
    # Colour codes pass the output stream, so the text coloured here is neutralised here.
    pieces = [(tag, printable(piece)) for tag, piece in amendment.word_diff]
    if amendment.kind in ("added", "removed"):
        tag, body = pieces[0]
        pieces = [(tag, shorten(body, MAX_SHOWN_CHARS))]
    for k, (tag, piece) in enumerate(pieces):
        if tag == "equal":
            first, last = k == 0, k == len(pieces) - 1
            parts.append((trim_context(piece, first=first, last=last, context=CONTEXT_WORDS, whole=MAX_SHOWN_CHARS), ""))
        elif tag == "delete":
            parts.append((piece if color or amendment.kind == "removed" else f"[-{piece}-]", "red strike" if color else ""))
        else:
            parts.append((piece if color or amendment.kind == "added" else f"{{+{piece}+}}", "green underline" if color else ""))
    return parts


def _parts(*parts: Part) -> list[Part]:
    """``parts`` with their text made printable."""
    return [(printable(content), style) for content, style in parts]
